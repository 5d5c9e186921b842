import 'virtual:ds-tokens.css';
// Each feature's styles sit beside it; they are imported here, in this order, because the order is
// the cascade's (a later rule of equal specificity wins), and once, so every module screen has them.
import './styles/base.css';
import './screens/issue-panel.css';
import './components/states.css';
import './timeline-tab/timeline-tab.css';
import './review-tab/review-tab.css';
import './publish/publish.css';
import './macro/macro.css';
import './summaries/summaries.css';
import './review-tab/action-item-conflicts.css';
import './components/atlaskit.css';
import './chat/chat-import.css';
import './review-tab/factor-categories.css';
import './summaries/insights/insights.css';
import './review-tab/meeting-notify.css';
import './templates/templates.css';
import './related/related.css';
import './summaries/search/search.css';
// Refinements for the page's narrow and wide layouts: after the feature styles they refine.
import './summaries/summaries-fit.css';
import './summaries/summary-filters-bar.css';
import './summaries/insights/insights-fit.css';
import './templates/template-editor.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { enableHostTheme } from './bridge';

enableHostTheme();

const root = document.getElementById('root');
if (!root) throw new Error('index.html must contain <div id="root">');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
