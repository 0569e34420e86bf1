/** Loads the configuration for a CLI command, or ends the process with the one-line reason. */
import { type Config, ConfigError, loadConfig } from '../config/config.ts';

export function configOrExit(): Config {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
}
