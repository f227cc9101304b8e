import { useEscapeToClose } from '../components/useEscapeToClose.ts';
import { useScenarioSession } from '../components/scenarioSession.ts';
import { BRANCH_MENU_BUTTON_ID, BRANCH_PANEL_ID } from './BranchBar.tsx';
import { ComparePanel } from './ComparePanel.tsx';
import { WholeImage } from '../ledger/WholeImage.tsx';
import { InjectForm } from './InjectForm.tsx';
import { SaveScenarioForm } from './SaveScenarioForm.tsx';

/** Where the focus goes when the panel closes: "Actions", the menu its tool was chosen from. */
const opener = {
  get current(): HTMLElement | null {
    return document.getElementById(BRANCH_MENU_BUTTON_ID);
  },
};

function closePanel() {
  useScenarioSession.setState({ panel: undefined, injectAfter: undefined });
}

/**
 * The branch tool chosen in the banner: under the header on a wide screen, a sheet over the bottom of
 * the screen on a phone, so the screen stays where it was. Escape or Close folds it away.
 */
export function BranchTool() {
  const panel = useScenarioSession((s) => s.panel);
  useEscapeToClose(panel !== undefined, closePanel, opener);
  if (!panel) return null;
  const close = () => {
    const target = opener.current;
    closePanel();
    target?.focus();
  };
  return (
    <div id={BRANCH_PANEL_ID} className="mode-panel what-if-panel" tabIndex={-1}>
      <button type="button" className="button mode-panel-close" onClick={close}>
        Close
      </button>
      {panel === 'compare' && (
        <WholeImage what="the comparison">
          <ComparePanel />
        </WholeImage>
      )}
      {panel === 'inject' && <InjectForm />}
      {panel === 'save' && <SaveScenarioForm />}
    </div>
  );
}
