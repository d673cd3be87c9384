package connect

import (
	"errors"
	"fmt"

	"github.com/relais/relais"
)

var errTooMany = errors.New("connect: too many connections pending; try again in a few minutes")

// refused is the platform's refusal of a step, for the member: EINVALID
// with the platform's reason (catalogue key "connect.refused").
func refused(platform, step string, err error) error {
	return &relais.Error{Code: relais.EINVALID, Field: "credentials",
		Message: fmt.Sprintf("%s refused the connection (%s): %v", platform, step, err),
		Key:     "connect.refused", Params: map[string]string{"platform": platform, "reason": err.Error()}}
}
