/** Entry point of the web app: data cache, language, router. */
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { queryClient } from './api/query-client';
import { watchAntdAria } from './components/aria-fixes';
import { AuthGate } from './features/auth/auth-gate';
import { I18nProvider } from './i18n/i18n';
import { router } from './router';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('#root missing from index.html');
watchAntdAria(document.body);

createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <AuthGate>
          <RouterProvider router={router} />
        </AuthGate>
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
