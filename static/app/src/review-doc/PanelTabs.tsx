import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface PanelTab {
  id: string;
  label: string;
  render: () => ReactNode;
}

/**
 * WAI-ARIA tabs (automatic activation): arrow keys, Home and End move between tabs, one tab stop.
 * A panel stays mounted once shown, so switching tabs never drops unsaved typing.
 */
export function PanelTabs({ tabs, label, initial }: { tabs: readonly PanelTab[]; label: string; initial?: string }) {
  const [selected, setSelected] = useState(initial ?? tabs[0]?.id ?? '');
  const [visited, setVisited] = useState(() => new Set([selected]));
  const refs = useRef(new Map<string, HTMLButtonElement>());

  const select = (id: string, focus: boolean) => {
    setSelected(id);
    setVisited((seen) => (seen.has(id) ? seen : new Set(seen).add(id)));
    if (focus) refs.current.get(id)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const last = tabs.length - 1;
    const to = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const tab = tabs[to];
    if (tab) select(tab.id, true);
  };

  return (
    <div className="pir-tabs">
      <div className="pir-tabs__list" role="tablist" aria-label={label}>
        {tabs.map((tab, index) => (
          <button
            key={tab.id}
            ref={(element) => {
              if (element) refs.current.set(tab.id, element);
              else refs.current.delete(tab.id);
            }}
            type="button"
            role="tab"
            id={`pir-tab-${tab.id}`}
            className="pir-tabs__tab"
            aria-selected={tab.id === selected}
            aria-controls={`pir-tabpanel-${tab.id}`}
            tabIndex={tab.id === selected ? 0 : -1}
            onClick={() => select(tab.id, false)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div key={tab.id} role="tabpanel" id={`pir-tabpanel-${tab.id}`} aria-labelledby={`pir-tab-${tab.id}`} className="pir-tabs__panel" hidden={tab.id !== selected}>
          {visited.has(tab.id) && tab.render()}
        </div>
      ))}
    </div>
  );
}
