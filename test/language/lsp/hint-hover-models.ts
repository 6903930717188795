/** Models for the editor-feature tests: the specification's banded method, and a matrix method. */
import { SPEC_METHOD } from '../../helpers/spec-models.js';

export const BANDED_METHOD = SPEC_METHOD;

export const BANDED_DECLARATIONS = `role CISO "Chief Information Security Officer"
role CEO "Chief Executive Officer" management
role ITManager "IT Manager"
role SecurityLead "Security Lead"

scope Platform "Customer SaaS platform" {
  owner CISO
  includes "Production environment", "Customer data"
  excludes "Marketing website"
  approved by CEO on 2026-01-15
}

asset CustomerData "Customer personal data" {
  primary information
  owner ITManager
  confidentiality 3  integrity Severe  availability 2
}
asset AdminAccounts "Production admin accounts" {
  supporting system
  owner ITManager
  supports CustomerData
}

threat Phishing "Phishing leading to credential theft" { source external }
vulnerability NoAdminMFA "Admin accounts lack multi-factor authentication" { on AdminAccounts }
control MailFilter "Advanced e-mail filtering" { implements A.8.23 status planned owner CISO }
`;

export const BANDED_RISKS = `risk R-001 "Admin takeover through phished credentials" {
  owner ITManager
  threat Phishing
  exploits NoAdminMFA
  on AdminAccounts
  controls A.5.17, MailFilter
  likelihood Likely
  impact Severe
  treatment reduce {
    action MFA "Enforce MFA on all admin and remote access" {
      owner SecurityLead
      due 2026-12-31
      status in-progress
      controls A.8.5
    }
    action "Quarterly phishing drills" {
      owner CISO  due 2026-10-31  status planned  controls A.6.3
    }
  }
  residual likelihood Possible impact Severe
  acceptance {
    by CEO on 2026-11-15 until 2027-11-15
    level High
    "MFA roll-out funded; hardware keys follow in 2027"
  }
  status treating
  reviewed 2026-11-01
}

risk R-002 "Numbers" {
  owner CISO
  on AdminAccounts
  impact 2
  likelihood 3
  treatment reduce { action "Harden" { owner CISO due 2027-01-31 status planned } }
  residual likelihood 1 impact 2
  status treating
  reviewed 2026-11-20
}

risk R-003 "Expired" {
  owner ITManager
  on AdminAccounts
  likelihood Likely impact Severe
  treatment accept
  acceptance { by CEO on 2025-05-31 until 2026-05-31 "Accepted for a year" }
  status accepted
  reviewed 2026-11-20
}

risk R-004 "Not yet" {
  owner ITManager
  on AdminAccounts
  likelihood Likely impact Severe
  treatment accept
  acceptance { by CEO on 2026-12-01 "From December" }
  status accepted
  reviewed 2026-11-20
}

risk R-005 "Not authorised" {
  owner ITManager
  on AdminAccounts
  likelihood Likely impact Severe
  treatment accept
  acceptance { by ITManager on 2026-11-01 "The owner accepts" }
  status accepted
  reviewed 2026-11-20
}

risk R-006 "Outdated" {
  owner ITManager
  on AdminAccounts
  likelihood Likely impact Severe
  treatment accept
  acceptance { by CEO on 2026-11-01 level Moderate "Accepted when it was Moderate" }
  status accepted
  reviewed 2026-11-20
}

risk R-007 "Default term" {
  owner ITManager
  on AdminAccounts
  likelihood Possible impact Noticeable
  acceptance { by ITManager on 2026-02-28 "Within appetite anyway" }
  status accepted
  reviewed 2026-11-20
}
`;

export const BANDED_MODEL = {
    'method.risk': BANDED_METHOD,
    'declarations.risk': BANDED_DECLARATIONS,
    'risks.risk': BANDED_RISKS
};

export const MATRIX_MODEL = {
    'clinic.risk': `method "Qualitative 3x3" {
  scale likelihood { 1 Low "Not expected" 2 Medium "Could happen" 3 High "Expected" }
  scale impact     { 1 Low "" 2 Medium "" 3 High "Patient safety at risk" }
  levels { Low "Accept" Moderate "Improve" High "Treat" Critical "Treat now" }
  matrix {
    3:       Moderate  High      Critical
    Medium:  Low       Moderate  High
    1:       Low       Low       Moderate
  }
  accept { appetite Moderate  major Critical }
}

role Partner "Medical Director" management
role Manager "Practice Manager"

asset Records "Patient records" { primary information owner Partner confidentiality High integrity 3 availability Medium }
asset PCs "Clinic PCs" { supporting hardware owner Manager supports Records }

risk C-01 "Ransomware" {
  owner Manager
  on PCs
  likelihood High
  impact 3
  treatment reduce { action "Replace PCs" { owner Manager due 2027-02-01 status planned } }
  residual likelihood 2 impact High
  acceptance { by Manager on 2026-10-05 level High "The owner accepts a High residual" }
  status accepted
  reviewed 2026-10-05
}

risk C-02 "Theft" {
  owner Manager
  on PCs
  likelihood Low impact Medium
  residual likelihood Low impact Low
  status assessed
  reviewed 2026-10-05
}
`
};
