import type { DeploymentPhase } from '../../src-preload/contract';
import { phaseLabel, phaseTone } from '../format';
import { Badge } from './Badge';

/** ACTIVE green, SUPERSEDED grey, ERROR red, CANCELED amber, in-progress phases blue. */
export function PhaseBadge({ phase, title }: { phase: DeploymentPhase; title?: string }) {
  return (
    <Badge tone={phaseTone(phase)} title={title}>
      {phaseLabel(phase)}
    </Badge>
  );
}
