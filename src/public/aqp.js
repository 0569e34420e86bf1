// Starts the NHS design system's progressive enhancements; every page works without this.
import { initAll } from '/nhsuk/nhsuk-frontend.min.js';

initAll();
