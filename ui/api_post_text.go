package ui

import (
	"net/http"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
)

// apiPostView is a post as the API answers it: the stored codes kept in
// their machine fields, each delivery's error and each history entry
// also read in the caller's language (requestLang).
type apiPostView struct {
	*approval.PostView
	Deliveries []apiDelivery `json:"deliveries"`
	History    []apiHistory  `json:"history,omitempty"`
}

// apiDelivery is a delivery with its error in the caller's language
// (error keeps the stored code or the platform's own message).
type apiDelivery struct {
	approval.DeliveryView
	ErrorMessage string `json:"error_message,omitempty"`
}

// apiHeldDelivery is apiDelivery for the deliveries list.
type apiHeldDelivery struct {
	*relais.Delivery
	ErrorMessage string `json:"error_message,omitempty"`
}

// apiHistory is a history entry with its action and detail in the
// caller's language (action and detail keep what is stored).
type apiHistory struct {
	relais.AuditEntry
	ActionText string `json:"action_text"`
	DetailText string `json:"detail_text,omitempty"`
}

// readerPage is the page an API caller would read: her language and
// the accounts she may see, named for history lines.
func (s *Server) readerPage(r *http.Request) Page {
	p := Page{Lang: requestLang(r)}
	if as, err := s.cfg.Approval.Accounts(r.Context()); err == nil {
		p.accounts = accountNames(p, as, " ")
	}
	return p
}

// apiPost renders v's coded texts for the caller of r.
func (s *Server) apiPost(r *http.Request, v *approval.PostView) apiPostView {
	p := s.readerPage(r)
	out := apiPostView{PostView: v, Deliveries: make([]apiDelivery, len(v.Deliveries))}
	for i, d := range v.Deliveries {
		out.Deliveries[i] = apiDelivery{DeliveryView: d, ErrorMessage: p.DeliveryError(d.Error)}
	}
	for _, e := range v.History {
		out.History = append(out.History, apiHistory{AuditEntry: e, ActionText: p.TOr("audit."+e.Action, e.Action), DetailText: p.Detail(e.Detail)})
	}
	return out
}

// apiHeld renders the deliveries' errors for the caller of r.
func apiHeld(r *http.Request, ds []*relais.Delivery) []apiHeldDelivery {
	p := Page{Lang: requestLang(r)}
	out := make([]apiHeldDelivery, len(ds))
	for i, d := range ds {
		out[i] = apiHeldDelivery{Delivery: d, ErrorMessage: p.DeliveryError(d.Error)}
	}
	return out
}
