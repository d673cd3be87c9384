package relais

import (
	"errors"
	"fmt"
)

// Error codes shared by every layer. The HTTP layer maps each to a status.
const (
	EINVALID      = "invalid"      // bad input; Field names the culprit
	ENOTFOUND     = "not_found"    // no such object, or not visible to the caller
	EFORBIDDEN    = "forbidden"    // the caller's role does not allow the action
	EUNAUTHORIZED = "unauthorized" // no valid session or token
	ECONFLICT     = "conflict"     // wrong state or stale content hash
	ETOOLARGE     = "too_large"    // request body or text over a limit
	ERATELIMIT    = "rate_limited" // too many attempts
	EBLOCKED      = "tone_blocked" // a tone rule blocks the post
	EBLACKOUT     = "blackout"     // an electoral blackout window forbids it
	EINTERNAL     = "internal"     // a bug or an unavailable dependency
)

// Error is an application error with a machine code, a message safe to show
// to users and, for validation errors, the field at fault.
type Error struct {
	Code    string
	Field   string
	Message string
	// Key names the message in the dashboard's catalogue and Params fills
	// its {placeholders}, so that each reader gets it in her language;
	// Message is the English fallback. Both optional.
	Key    string
	Params map[string]string
}

// Error implements the error interface.
func (e *Error) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("relais error: code=%s field=%s message=%s", e.Code, e.Field, e.Message)
	}
	return fmt.Sprintf("relais error: code=%s message=%s", e.Code, e.Message)
}

// Errorf returns an *Error with the given code and formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// FieldErrorf returns an EINVALID *Error naming the field at fault.
func FieldErrorf(field, format string, args ...any) *Error {
	return &Error{Code: EINVALID, Field: field, Message: fmt.Sprintf(format, args...)}
}

// With sets e's catalogue key and its parameters, given as name, value
// pairs, and returns e: FieldErrorf("text", "Text is required.").With("error.text_required").
func (e *Error) With(key string, pairs ...string) *Error {
	e.Key = key
	if len(pairs) > 1 {
		e.Params = make(map[string]string, len(pairs)/2)
		for i := 0; i+1 < len(pairs); i += 2 {
			e.Params[pairs[i]] = pairs[i+1]
		}
	}
	return e
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL for
// any other non-nil error and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the user-facing message of err. Internal errors get a
// generic message so that nothing internal leaks to users.
func ErrorMessage(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Message
	}
	return "Internal error."
}

// ErrorField returns the field named by err, if any.
func ErrorField(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Field
	}
	return ""
}

// ErrorKey returns the catalogue key and parameters of err, if any.
func ErrorKey(err error) (string, map[string]string) {
	var e *Error
	if errors.As(err, &e) {
		return e.Key, e.Params
	}
	return "", nil
}
