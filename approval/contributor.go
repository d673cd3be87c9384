package approval

import (
	"github.com/relais/relais"
	"github.com/relais/relais/policy"
	"github.com/relais/relais/store"
)

// wrote reports whether m wrote any of p's content: its author, or anyone
// who edited it. post_contributors is the authoritative record (written in
// each create's and edit's transaction), so no number of comments or other
// audit entries can hide an edit. Nobody approves words they wrote, so an
// editor who rewrites a post must let someone else approve it.
func wrote(tx *store.Tx, m *relais.Member, p *relais.Post) (bool, error) {
	if m.ID == p.AuthorID {
		return true, nil
	}
	return tx.IsContributor(p.ID, m.ID)
}

// errWrote refuses an approval by one of the post's writers.
var errWrote = relais.Errorf(relais.EFORBIDDEN, "You wrote or edited this post: someone else must approve it.").With("error.writer_approves")

// mayApproveIn is MayApprove plus the writers' rule, which needs the
// audit log.
func mayApproveIn(tx *store.Tx, m *relais.Member, p *relais.Post) (bool, error) {
	if !policy.Grants(m.Role, policy.PostApprove) || !MayApprove(m, p) {
		return false, nil
	}
	w, err := wrote(tx, m, p)
	return !w, err
}

// mayDecideIn reports whether m may decide on p now (see stage.mayDecide)
// and did not write it.
func mayDecideIn(tx *store.Tx, st *stage, m *relais.Member, p *relais.Post) (bool, error) {
	if p.State != relais.PostInReview || !st.mayDecide(m, p) {
		return false, nil
	}
	w, err := wrote(tx, m, p)
	return !w, err
}
