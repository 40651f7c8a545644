// Turning any failure into words for the window: the dispatcher's mapper, handed to services
// that report failures on streams of their own.
import type { FleetError } from '../../src-preload/contract';

export type ErrorMapper = (operation: string, error: unknown) => FleetError;
