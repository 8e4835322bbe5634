/**
 * What every screen needs to know about the open book: the locale money is written
 * in, whether it is the demo book (the banner), and the desk's today.
 */
import { create } from 'zustand';

export interface Session {
  locale: string;
  demo: boolean;
  today: string | null;
}

export const useSession = create<Session>(() => ({
  locale: navigator.language || 'en-US',
  demo: false,
  today: null,
}));
