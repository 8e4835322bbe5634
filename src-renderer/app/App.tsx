import { createHashRouter, RouterProvider } from 'react-router';
import { routes } from './routes';

/** Hash history: the same URLs work under file:// in the window and over http in a browser. */
const router = createHashRouter(routes);

export function App() {
  return <RouterProvider router={router} />;
}
