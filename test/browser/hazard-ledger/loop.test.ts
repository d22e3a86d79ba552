// The ledger's interpreter of the hazard workflow document (schemas/workflows/hazard.json): the
// server interprets the same document (backend/internal/hazards/workflow_test.go holds it to the
// same facts), so the two cannot drift.
import { expect } from '@open-wc/testing';
import { actionsFor, followUpDue, followUpState, hazardDeadline, needsEvidence, recipientsOf, ruleOf, targetOf, UNRECTIFIED } from '../../../components/hazard-ledger/loop.js';
import { HAZARD_WORKFLOW } from '../../../components/data/hazard-workflow.js';
import type { Workflow } from '../../../components/data/workflow.js';

describe('hazard workflow interpreter (loop.ts)', () => {
  it('counts an escalated hazard as not yet rectified: overdue past its deadline, as on the server', () => {
    expect([...UNRECTIFIED].sort()).to.deep.equal(['escalated', 'found', 'notified', 'reopened']);
  });

  it('escalates a refused or overdue hazard only when it is major', () => {
    expect([targetOf('refuse', false), targetOf('refuse', true)]).to.deep.equal(['', 'escalated']);
    expect([targetOf('overdue', false), targetOf('overdue', true)]).to.deep.equal(['', 'escalated']);
    expect(targetOf('verify', true)).to.equal('verified');
  });

  it('takes a refusal after the written notice only, a note anywhere, the overdue flag from no one', () => {
    expect(ruleOf('refuse', false)?.from).to.deep.equal(['notified', 'reopened']);
    expect(ruleOf('note', false)?.from).to.have.length(HAZARD_WORKFLOW.states.length);
    expect(ruleOf('overdue', true)?.roles).to.deep.equal([]);
    expect(actionsFor('insurer', 'found', true)).to.not.include('refuse');
  });

  it('asks for evidence of every rectification, which the server requires whatever the severity', () => {
    expect(needsEvidence('rectify', false)).to.equal(true);
    expect(ruleOf('rectify', false)?.evidence).to.equal('required');
    expect(ruleOf('rectify', true)?.evidence).to.equal('required');
    expect(needsEvidence('note', true)).to.equal(false);
  });

  it('sets the deadline by severity from the finding day, and a pack may override the days', () => {
    const { general, major } = HAZARD_WORKFLOW.deadlines;
    const plus = (days: number) => new Date(Date.UTC(2026, 0, 31 + days)).toISOString().slice(0, 10);
    expect(hazardDeadline('2026-01-31', false)).to.equal(plus(general));
    expect(hazardDeadline('2026-01-31', true)).to.equal(plus(major));
    expect(hazardDeadline('2026-01-31', true, { major: 15 })).to.equal('2026-02-15');
    expect(hazardDeadline('2026-01-31', false, { major: 15 })).to.equal(plus(general));
  });

  it('schedules the return visit (回头看) after verification by severity, as the server does (TestFollowUpDue); a pack replaces one severity\'s days', () => {
    expect([followUpState(false), followUpState(true)]).to.deep.equal(['verified', 'verified']);
    // the same days as backend/internal/hazards/workflow_test.go TestFollowUpDue
    expect(followUpDue('2026-03-01', false)).to.equal('2026-05-30');
    expect(followUpDue('2026-03-01', true)).to.equal('2026-03-31');
    expect(followUpDue('2026-03-01', true, { general: 60 })).to.equal('2026-03-31');
    expect(followUpDue('2026-03-01', false, { general: 60 })).to.equal('2026-04-30');
    expect(followUpDue('2026-03-01', true, { major: 15 })).to.equal('2026-03-16');
    const none: Workflow = { ...HAZARD_WORKFLOW, follow_up: undefined };
    expect(followUpDue('2026-03-01', false, {}, none)).to.equal(undefined);
    expect(followUpState(false, none)).to.equal(undefined);
  });

  it('the shipped loop separates duties and leaves a major hazard\'s sign-off to the regulator (issue 13)', () => {
    const w: Workflow = HAZARD_WORKFLOW;
    const history = [{ action: 'notify', actorOrg: 'org-p' }, { action: 'rectify', actorOrg: 'org-p' }];
    expect(actionsFor('provider', 'rectified', false, { organization: 'org-p', history }, w)).to.not.include('verify');
    expect(actionsFor('provider', 'rectified', false, { organization: 'org-q', history }, w)).to.include('verify');
    expect(actionsFor('provider', 'rectified', true, { organization: 'org-q', history }, w)).to.not.include('verify');
    expect(actionsFor('regulator', 'rectified', true, {}, w)).to.include('verify');
    expect(actionsFor('regulator', 'escalated', true, {}, w), 'not verified unrectified').to.not.include('verify');
    expect([needsEvidence('rectify', false), needsEvidence('verify', false), needsEvidence('verify', true)]).to.deep.equal([true, true, true]);
  });

  it('a major hazard\'s written notice names the 主要负责人 and the 实际控制人, as the server asks (TestMajorNoticeNamesItsRecipients)', () => {
    expect(recipientsOf('notify', false)).to.deep.equal([]);
    expect(recipientsOf('notify', true).map((r) => `${r.code} ${r.zh}`)).to.deep.equal(['principal 主要负责人', 'actual_controller 实际控制人']);
    expect(recipientsOf('rectify', true)).to.deep.equal([]);
  });
});
