import type { ReactNode } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';

/** A button for something that cannot be undone: it asks first, saying what will happen. */
export function ConfirmButton({
  label,
  title,
  confirmLabel,
  children,
  onConfirm,
  isDisabled,
  className = 'button button--danger',
  accessibleName,
}: {
  label: string;
  title: string;
  confirmLabel: string;
  children: ReactNode;
  onConfirm: () => void;
  isDisabled?: boolean;
  className?: string;
  /** When the visible label alone is ambiguous in a list ("Roll back" on every row). */
  accessibleName?: string;
}) {
  return (
    <DialogTrigger>
      <Button className={className} isDisabled={isDisabled} aria-label={accessibleName}>
        {label}
      </Button>
      <ModalOverlay className="palette-overlay" isDismissable>
        <Modal className="confirm">
          <Dialog role="alertdialog" className="confirm__dialog">
            {({ close }) => (
              <>
                <Heading slot="title">{title}</Heading>
                <div className="confirm__body">{children}</div>
                <div className="page-header__actions">
                  <Button className="button" onPress={close} autoFocus>
                    Cancel
                  </Button>
                  <Button
                    className="button button--primary"
                    onPress={() => {
                      close();
                      onConfirm();
                    }}
                  >
                    {confirmLabel}
                  </Button>
                </div>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
