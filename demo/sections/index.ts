// The portal's sections, in navigation order; one line per element. Each role sees its own.
import type { PortalSection } from './section.js';
import { policyEntrySection } from './policy-entry.js';
import { policiesSection, servicesSection } from './policies.js';
import { schemaEditorSection } from './schema-editor.js';
import { industryPolicySection } from './industry-policy.js';
import { packEditorSection } from './pack-editor.js';
import { serviceReportSection } from './service-report.js';
import { hazardLedgerSection } from './hazard-ledger.js';
import { coverageMapSection } from './coverage-map.js';
import { complianceReportSection } from './compliance-report.js';
import { claimSection } from './claim.js';

export const SECTIONS: readonly PortalSection[] = [
  coverageMapSection, complianceReportSection,
  policyEntrySection,
  policiesSection,
  industryPolicySection, schemaEditorSection, packEditorSection,
  serviceReportSection, servicesSection,
  hazardLedgerSection,
  claimSection,
];
