import { StrictMode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { queryClient } from './data';
import './styles/base.css';
import './styles/layout.css';
import './styles/forms.css';
import './styles/patients.css';
import './styles/records.css';
import './styles/intake.css';
import './styles/exercises.css';
import './styles/running.css';
import './styles/handouts.css';
import './styles/history.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </StrictMode>,
  );
}
