import {
  Autocomplete,
  Dialog,
  Input,
  Label,
  Menu,
  MenuItem,
  Modal,
  ModalOverlay,
  SearchField,
  Keyboard,
  useFilter,
} from 'react-aria-components';
import { NAVIGATION, shortcutLabel } from './navigation';

export interface PaletteCommand {
  id: string;
  label: string;
  hint?: string;
  run: () => void;
}

/** Every screen and action by name: type a few letters, Enter runs it. */
export function CommandPalette({
  isOpen,
  onOpenChange,
  navigate,
  actions = [],
}: {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  navigate: (path: string) => void;
  actions?: PaletteCommand[];
}) {
  const { contains } = useFilter({ sensitivity: 'base' });
  const commands: PaletteCommand[] = [
    ...NAVIGATION.map((entry) => ({
      id: `go:${entry.path}`,
      label: `Go to ${entry.label}`,
      hint: shortcutLabel(entry),
      run: () => navigate(entry.path),
    })),
    ...actions,
  ];
  return (
    <ModalOverlay
      className="palette-overlay"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      isDismissable
    >
      <Modal className="palette">
        <Dialog className="palette__dialog" aria-label="Command palette">
          {({ close }) => (
            <Autocomplete filter={contains}>
              <SearchField className="palette__search" autoFocus aria-label="Search commands">
                <Label className="visually-hidden">Search commands</Label>
                <Input className="palette__input" placeholder="Go to a screen or run a command…" />
              </SearchField>
              <Menu
                className="palette__list"
                items={commands}
                aria-label="Commands"
                renderEmptyState={() => <p className="palette__empty">No command has that name.</p>}
                onAction={(key) => {
                  commands.find((command) => command.id === key)?.run();
                  close();
                }}
              >
                {(command) => (
                  <MenuItem id={command.id} textValue={command.label} className="palette__item">
                    <span>{command.label}</span>
                    {command.hint && <Keyboard className="kbd">{command.hint}</Keyboard>}
                  </MenuItem>
                )}
              </Menu>
            </Autocomplete>
          )}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
