/**
 * The Node the processes need: package.json `engines` (`>=24.9 <25`; a unit test keeps them equal,
 * and scripts/lib.sh and scripts/run-built.cjs too). Older ones fail in ways that say nothing — a native
 * module built for Node 24 ends Node 20 in a segmentation fault — so the entry points check first
 * (require-supported-node.ts). Kept free of imports: it runs before anything else is loaded.
 */
export const SUPPORTED_NODE = { engines: '>=24.9 <25', major: 24, minor: 9 } as const;

/** True when `version` (`process.versions.node`, e.g. `20.20.2`) is older than SUPPORTED_NODE. */
export function isOlderThanSupported(version: string): boolean {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  if (!Number.isFinite(major) || !Number.isFinite(minor)) return true;
  return major < SUPPORTED_NODE.major || (major === SUPPORTED_NODE.major && minor < SUPPORTED_NODE.minor);
}

/** The one line an entry point prints before it exits on an older Node; undefined on a supported one. */
export function unsupportedNodeMessage(version: string, execPath: string): string | undefined {
  if (!isOlderThanSupported(version)) return undefined;
  return (
    `tiepdan: this is Node ${version.replace(/^v/, '')} (${execPath}), but tiepdan needs Node ` +
    `${SUPPORTED_NODE.engines} (package.json engines). Start it with \`npm start\`, which installs ` +
    `Node 24 into .tools/node when the machine's is older (or put .tools/node/node_modules/.bin first on PATH).`
  );
}
