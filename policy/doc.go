// Package policy answers every "may member M do action A on object O"
// question of relais from one declarative table (Rules): each row names a
// role, an action and the condition under which the role may act (always,
// when she wrote the post, when she owns the account…), and for reads
// scoped by district the districts she sees.
//
// Services ask Allowed before they act; pages ask it to show an action or
// to show it disabled with the reason (Decision.Reason, a key of the
// dashboard's message catalogue). No other package compares roles: a test
// of this package walks the module's source to keep it so.
package policy
