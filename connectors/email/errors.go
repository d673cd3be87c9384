package email

import (
	"errors"
	"fmt"
	"net/textproto"
	"strings"

	"github.com/relais/relais/connectors"
	"github.com/wneessen/go-mail"
)

// classify maps an SMTP failure: a 4xx reply is Retryable, a 5xx reply
// Permanent (530/534/535 authentication failures AuthExpired), a failure
// without a reply once the message was handed over (closing DATA)
// OutcomeUnknown, and the rest (connection refused...) Retryable.
func classify(err error) error {
	e := &connectors.Error{Platform: "email", Class: connectors.Retryable,
		Err: fmt.Errorf("email: unable to send message: %w", err)}
	code := replyCode(err)
	var se *mail.SendError
	switch {
	case code == 530 || code == 534 || code == 535:
		e.Class = connectors.AuthExpired
	case code >= 500:
		e.Class = connectors.Permanent
	case code >= 400:
		e.Class = connectors.Retryable
	case errors.As(err, &se) && se.Reason == mail.ErrSMTPDataClose:
		e.Class = connectors.OutcomeUnknown
	}
	e.Status = code
	return e
}

// replyCode finds the SMTP reply code in err, 0 if there is none.
func replyCode(err error) int {
	var te *textproto.Error
	if errors.As(err, &te) {
		return te.Code
	}
	var se *mail.SendError
	if errors.As(err, &se) && se.ErrorCode() > 0 {
		return se.ErrorCode()
	}
	return 0
}

func invalidRecipient(err error) error {
	p := connectors.Problem{Field: "to", Code: "invalid_address", Message: strings.TrimPrefix(err.Error(), "failed to parse mail address: ")}
	return &connectors.Error{Platform: "email", Class: connectors.Permanent, Message: p.Message,
		Err: fmt.Errorf("email: invalid recipient: %w", p)}
}
