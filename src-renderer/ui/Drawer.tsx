import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay, Button } from 'react-aria-components';

/**
 * A panel from the right over the screen, for details of one thing (a line's
 * explanation). It traps focus, closes on Escape and gives focus back on close.
 */
export function Drawer({
  title,
  isOpen,
  onClose,
  children,
}: {
  title: string;
  isOpen: boolean;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <ModalOverlay
      className="drawer-overlay"
      isOpen={isOpen}
      onOpenChange={(open) => !open && onClose()}
      isDismissable
    >
      <Modal className="drawer">
        <Dialog className="drawer__dialog">
          <header className="drawer__header">
            <Heading slot="title">{title}</Heading>
            <Button className="button button--quiet" onPress={onClose}>
              Close
            </Button>
          </header>
          <div className="drawer__body">{children}</div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
