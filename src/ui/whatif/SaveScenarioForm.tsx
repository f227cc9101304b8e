import { useId, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import { formatDateTime } from '../components/dates.ts';
import { Field } from '../components/Field.tsx';
import { FormFeedback } from '../components/FormFeedback.tsx';
import { FormProblemContext } from '../components/formContext.ts';
import { useLedger } from '../ledger/LedgerContext.tsx';
import { MAX_SCENARIO_NAME } from '../../app/index.ts';
import { useScenarioSession } from '../components/scenarioSession.ts';

/** Saves the open branch's plan under a name, to reopen after a reload from "Saved scenarios". */
export function SaveScenarioForm() {
  const ledger = useLedger();
  const plan = useStore(ledger.branch, (s) => s.plan);
  const saved = useScenarioSession((s) => s.saved);
  const [name, setName] = useState(() => saved?.name ?? `What if, ${formatDateTime(new Date())}`);
  const [problem, setProblem] = useState<string>();
  const [success, setSuccess] = useState<string>();
  const titleId = useId();
  const problemId = useId();

  const save = async (asNew: boolean) => {
    const trimmed = name.trim();
    setSuccess(undefined);
    if (!plan) return;
    if (trimmed === '' || trimmed.length > MAX_SCENARIO_NAME) {
      setProblem(`Give the scenario a name of 1 to ${MAX_SCENARIO_NAME} characters.`);
      return;
    }
    setProblem(undefined);
    try {
      const scenario = await ledger.scenarios.save({ id: asNew ? undefined : saved?.id, name: trimmed, plan });
      useScenarioSession.setState({ saved: { id: scenario.id, name: scenario.name }, kept: plan });
      setSuccess(`Saved “${scenario.name}”. Reopen it any time from “Saved scenarios”.`);
    } catch (error) {
      setProblem(`The scenario could not be saved: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(false);
  };

  return (
    <form className="card save-scenario" aria-labelledby={titleId} onSubmit={submit} noValidate>
      <h2 id={titleId}>Save scenario</h2>
      <FormProblemContext.Provider value={{ field: problem ? 'name' : undefined, messageId: problemId }}>
        <Field label="Scenario name" name="name" value={name} onChange={setName} maxLength={MAX_SCENARIO_NAME} autoComplete="off" />
      </FormProblemContext.Provider>
      <div className="form-buttons">
        <button type="submit" className="button button-primary">
          {saved?.id ? 'Save changes' : 'Save'}
        </button>
        {saved?.id && (
          <button type="button" className="button" onClick={() => void save(true)}>
            Save as new scenario
          </button>
        )}
      </div>
      <FormFeedback problem={problem === undefined ? undefined : { message: problem }} success={success} problemId={problemId} />
    </form>
  );
}
