/**
 * Ports of the local product. Defaults: dev host pages 3000, hub static 3001,
 * contoso emulator 3010 and node 3011, fabrikam emulator 3020 and node 3021. A base port
 * shifts them all together; base port 0 picks free random ports (tests).
 */
import { freePort } from "./free-port";

/** The organizations `npm start` runs: contoso has a public node, fabrikam a private one. */
export const DEV_ORGANIZATIONS = ["contoso", "fabrikam"] as const;
export type DevOrganizationName = (typeof DEV_ORGANIZATIONS)[number];

/** Every port the local product listens on. */
export interface DevPorts {
  host: number;
  hub: number;
  emulator: Record<DevOrganizationName, number>;
  node: Record<DevOrganizationName, number>;
}

/** Default base port of the dev host pages. */
export const DEFAULT_BASE_PORT = 3000;

/** Offsets from the base port, per organization (emulator, node). */
const OFFSETS: Record<DevOrganizationName, [number, number]> = {
  contoso: [10, 11],
  fabrikam: [20, 21],
};

/**
 * Resolves the ports: from `basePort` (0 = random free ports), then per-port overrides.
 * @param overrides individual ports that win over the base-derived ones
 */
export async function resolvePorts(
  basePort: number,
  overrides: Partial<FlatPorts> = {},
): Promise<DevPorts> {
  const pick = async (offset: number, override?: number) =>
    override ?? (basePort === 0 ? await freePort() : basePort + offset);
  const ports: DevPorts = {
    host: await pick(0, overrides.host),
    hub: await pick(1, overrides.hub),
    emulator: { contoso: 0, fabrikam: 0 },
    node: { contoso: 0, fabrikam: 0 },
  };
  for (const org of DEV_ORGANIZATIONS) {
    const [emulatorOffset, nodeOffset] = OFFSETS[org];
    ports.emulator[org] = await pick(emulatorOffset, overrides[`${org}Emulator`]);
    ports.node[org] = await pick(nodeOffset, overrides[`${org}Node`]);
  }
  return ports;
}

/** Ports by flat name, as flags and environment variables set them. */
export interface FlatPorts {
  host: number;
  hub: number;
  contosoEmulator: number;
  contosoNode: number;
  fabrikamEmulator: number;
  fabrikamNode: number;
}
