// Every keyboard shortcut in Fleetdeck, for the ? overlay. A view that adds a shortcut adds its
// line here, next to the others of its place.
import { MOD_KEY } from './useModalFocus';

export interface Shortcut {
  keys: string[];
  does: string;
}

export interface ShortcutGroup {
  where: string;
  shortcuts: Shortcut[];
}

export const SHORTCUTS: ShortcutGroup[] = [
  {
    where: 'Anywhere',
    shortcuts: [
      {
        keys: [MOD_KEY, 'K'],
        does: 'Open the command palette: jump to an app, component, domain or view, or run an action',
      },
      { keys: ['?'], does: 'Show these shortcuts (outside a text field)' },
    ],
  },
  {
    where: 'Command palette',
    shortcuts: [
      { keys: ['↑', '↓'], does: 'Move through the results' },
      { keys: ['Enter'], does: 'Go there, or open the action’s confirmation' },
      { keys: ['Esc'], does: 'Close and return to where you were' },
    ],
  },
  {
    where: 'Fleet overview',
    shortcuts: [
      { keys: ['/'], does: 'Filter the apps' },
      { keys: ['↑', '↓'], does: 'Move the highlighted app' },
      { keys: ['Enter'], does: 'Open the highlighted app' },
      { keys: ['Esc'], does: 'Clear the filter' },
    ],
  },
  {
    where: 'Spec editor',
    shortcuts: [{ keys: [MOD_KEY, 'S'], does: 'Save the draft now' }],
  },
  {
    where: 'Dialogs',
    shortcuts: [
      { keys: ['Esc'], does: 'Cancel' },
      { keys: ['Tab'], does: 'Move between the dialog’s controls' },
    ],
  },
];
