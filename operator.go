package relais

import "context"

// SystemCLI is the audit actor of the relais command line: the operator
// who holds the database and its key. Its entries carry ActorID 0 and this
// name, never a person's "Name <email> (role)".
const SystemCLI = "system/cli"

// CLIOperator returns the member the relais command line acts as: an admin
// with no ID and no e-mail, named SystemCLI.
func CLIOperator() *Member { return &Member{Name: SystemCLI, Role: RoleAdmin} }

// AsCLI returns ctx acting as the command line's operator, so that the
// command line calls the same services as the API, audited as SystemCLI.
func AsCLI(ctx context.Context) context.Context {
	return NewContextWithMember(ctx, CLIOperator())
}

// IsSystem reports whether m is the command line's operator rather than a
// person (stored members always have an ID).
func (m *Member) IsSystem() bool {
	return m != nil && m.ID == 0 && m.Email == "" && m.Name == SystemCLI
}
