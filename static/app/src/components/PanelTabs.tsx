import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { useState, type ReactNode } from 'react';

export interface PanelTab {
  id: string;
  label: string;
  render: () => ReactNode;
}

/**
 * Atlaskit's tabs (arrow keys, Home and End move between tabs, one tab stop). A panel is first
 * rendered when its tab is chosen and stays mounted after, so switching tabs never drops unsaved
 * typing nor renders the Review tab of a reader who never opens it.
 */
export function PanelTabs({ tabs, label, initial }: { tabs: readonly PanelTab[]; label: string; initial?: string }) {
  const [selected, setSelected] = useState(() =>
    Math.max(
      0,
      tabs.findIndex((t) => t.id === (initial ?? tabs[0]?.id)),
    ),
  );
  return (
    <div className="pir-tabs" aria-label={label} role="group">
      <Tabs id="pir-tabs" selected={selected} onChange={setSelected}>
        <TabList>
          {tabs.map((tab) => (
            <Tab key={tab.id}>{tab.label}</Tab>
          ))}
        </TabList>
        {tabs.map((tab) => (
          <TabPanel key={tab.id}>
            <div className="pir-tabs__panel">{tab.render()}</div>
          </TabPanel>
        ))}
      </Tabs>
    </div>
  );
}
