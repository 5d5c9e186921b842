import { SectionMessage } from '../components/SectionMessage';

export function UnknownModule({ moduleKey }: { moduleKey: string }) {
  return (
    <SectionMessage appearance="warning" title="Nothing to show here">
      <p>
        Post-Incident Review has no view for {moduleKey ? <code>{moduleKey}</code> : 'this location'}. If the app was just updated, reload
        the page; otherwise ask your Jira administrator to check the app's installation.
      </p>
    </SectionMessage>
  );
}
