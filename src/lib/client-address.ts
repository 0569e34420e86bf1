/** Groups client addresses as one party holds them, for limits that an attacker must not dodge by changing address (decisions 0024, 0025). */

/** The address a limit counts against: IPv4 as it is (also when written IPv4-mapped), IPv6 by its /64 network, because one household or device is given a whole /64 and could otherwise change address for every attempt. */
export function addressGroupOf(clientAddress: string | null): string {
  if (!clientAddress) return 'unknown';
  const address = clientAddress.trim().toLowerCase().split('%')[0]!;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(':')) return address;
  return `${ipv6Groups(address).slice(0, 4).join(':')}::/64`;
}

/** The start every /64 group of one IPv6 /48 shares (`2001:db8:48:`), or null for IPv4 and unknown addresses: a site is usually given a /48, so it holds 65,536 /64 networks. */
export function ipv6SitePrefixOf(addressGroup: string): string | null {
  if (!addressGroup.endsWith('::/64')) return null;
  return `${addressGroup.split(':').slice(0, 3).join(':')}:`;
}

/** The eight groups of an IPv6 address, with `::` expanded and leading zeros dropped. */
function ipv6Groups(address: string): string[] {
  const [head = '', tail] = address.split('::');
  const groupsOf = (part: string) => (part ? part.split(':') : []);
  const width = (groups: string[]) => groups.reduce((sum, group) => sum + (group.includes('.') ? 2 : 1), 0);
  const left = groupsOf(head);
  const right = tail === undefined ? [] : groupsOf(tail);
  const zeros = tail === undefined ? [] : Array<string>(Math.max(0, 8 - width(left) - width(right))).fill('0');
  return [...left, ...zeros, ...right].map((group) => group.replace(/^0+(?=.)/, ''));
}
