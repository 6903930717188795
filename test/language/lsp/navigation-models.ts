/** A small model in three files for the navigation tests (definition, references, rename, symbols, tokens, folding). */
export const NAV_METHOD = `method "Small method" {
  scale likelihood {
    1 Rare "Less than once in 3 years"
    2 Possible ""
    3 Likely "Could occur annually"
  }
  scale impact { 1 Minor "" 2 Severe "" }
  score likelihood * impact
  levels {
    Low 1..2 "Monitor"
    High 3..6 "Act"
  }
  accept { appetite Low }
}
`;

export const NAV_DECLARATIONS = `role CISO "Chief Information Security Officer" management
role Ops "Operations"

/*
 * Assets of the platform
 */
asset Data "Customer data" {
  primary information
  owner CISO
}
asset Server "Database server" { supporting hardware owner Ops supports Data }
threat Phishing "Phishing" { source external }
vulnerability WeakMFA "No MFA on admin accounts" { on Server }
control Filter "Mail filter" { implements A.8.23 status planned owner CISO }
`;

export const NAV_RISKS = `risk R-1 "Data breach" {
  owner CISO
  threat Phishing
  exploits WeakMFA
  on Server
  harms Data
  controls A.8.5, Filter
  likelihood Likely
  impact 2
  treatment reduce {
    action MFA "Roll out MFA" {
      owner Ops
      due 2026-12-31
      controls A.8.5
    }
    action "Phishing drills" { owner CISO due 2027-01-31 }
  }
  residual likelihood 3 impact Minor
  status treating
  reviewed 2026-11-01
}

risk R-2 "Outage" { owner Ops on Server likelihood 1 impact Severe status assessed reviewed 2026-11-01 }
`;

export const NAV_MODEL = {
    'method.risk': NAV_METHOD,
    'declarations.risk': NAV_DECLARATIONS,
    'risks.risk': NAV_RISKS
};
