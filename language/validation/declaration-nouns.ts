/**
 * What users call the things a name can refer to, by AST type or reference type:
 * `Role` → `role`, `ControlTarget` → `control`. Messages and quick fixes share it.
 */
const NOUNS: Readonly<Record<string, string>> = {
    Role: 'role',
    Scope: 'scope',
    Asset: 'asset',
    Threat: 'threat',
    Vulnerability: 'vulnerability',
    Control: 'control',
    ControlTarget: 'control',
    Level: 'level',
    Risk: 'risk',
    Action: 'action'
};

export function nounOf(type: string): string | undefined {
    return NOUNS[type];
}

/** "a role", "an asset" */
export function withArticle(noun: string): string {
    return `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;
}
