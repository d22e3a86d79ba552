// The portal's sections, in tab order; one line per element.
import type { PortalSection } from './section.js';
import { policyEntrySection } from './policy-entry.js';
import { policiesSection } from './policies.js';
import { industryPolicySection, schemaEditorSection } from './schema-editor.js';
import { packEditorSection } from './pack-editor.js';
import { serviceReportSection } from './service-report.js';
import { hazardLedgerSection } from './hazard-ledger.js';
import { coverageMapSection } from './coverage-map.js';
import { complianceReportSection } from './compliance-report.js';

export const SECTIONS: readonly PortalSection[] = [
  policyEntrySection,
  policiesSection,
  industryPolicySection, schemaEditorSection, packEditorSection,
  serviceReportSection,
  hazardLedgerSection,
  coverageMapSection, complianceReportSection,
];
