/** The specification's own method (sections 3.1, 3.2 and 3.4 put together), shared by the tests. */
export const SPEC_METHOD = `method "Acme ISMS risk method" {
  scale likelihood {
    1 Rare      "Less than once every 3 years"
    2 Possible  "About once every 1-3 years"
    3 Likely    "Could occur annually"
  }
  scale impact {
    1 Minor       "Under 4 hours downtime or minimal cost"
    2 Noticeable  "About one business day, or customers notice"
    3 Severe      "Over a day down, contract or reputation harm"
  }
  score likelihood * impact
  levels {
    Low       1..2   "Monitor as part of normal operations"
    Moderate  3..4   "Plan improvements within 1-3 months"
    High      6..9   "Act now: owner assigned, monthly follow-up"
  }
  accept {
    appetite Moderate
    major High
    lasts 12 months
  }
  review every 12 months
  review High every 1 month
}
`;
