// Row and group checkboxes of the overview, for choosing apps for a rolling deploy. They read the
// selection store themselves so ticking one box re-renders one box, not the table.
import { useSelectionStore } from '../../stores/selectionStore';
import './rolling.css';

export function SelectCell({ appId, appName }: { appId: string; appName: string }) {
  const checked = useSelectionStore((s) => s.selected.includes(appId));
  const toggle = useSelectionStore((s) => s.toggle);
  return (
    <input
      type="checkbox"
      className="select-box"
      checked={checked}
      onChange={() => toggle(appId)}
      aria-label={`Select ${appName} for a rolling deploy`}
      data-testid="select-app"
      data-app-name={appName}
    />
  );
}

export function GroupSelect({ group, appIds }: { group: string; appIds: string[] }) {
  const count = useSelectionStore((s) => appIds.filter((id) => s.selected.includes(id)).length);
  const toggleAll = useSelectionStore((s) => s.toggleAll);
  const all = count > 0 && count === appIds.length;
  return (
    <input
      type="checkbox"
      className="select-box"
      checked={all}
      ref={(el) => {
        if (el) el.indeterminate = count > 0 && !all;
      }}
      onChange={() => toggleAll(appIds)}
      aria-label={`Select every ${group} app shown`}
      data-testid="select-group"
      data-group={group}
    />
  );
}
