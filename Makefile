# relais — make help lists the targets.
.PHONY: help run test test-short lint bench build fuzz

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-12s %s\n", $$1, $$2}'

build: ## build a static binary ./relais
	CGO_ENABLED=0 go build -trimpath -o relais ./cmd/relais

run: ## run the demo campaign on the embedded SQLite database (http://localhost:8080)
	go run ./cmd/relais serve --demo

test: ## the full test suite with the race detector (SQLite and PostgreSQL)
	go test -race -count=1 -timeout 40m ./...

test-short: ## the tests without the race detector
	go test -count=1 ./...

lint: ## vet and gofmt
	go vet ./...
	test -z "$$(gofmt -l .)"

bench: ## benchmarks (numbers go to docs/PERFORMANCE.md)
	go test -run='^$$' -bench=. -benchmem ./...

fuzz: ## one minute of each fuzz target
	go test -run='^$$' -fuzz=FuzzCheck -fuzztime=60s ./approval/tone/
	go test -run='^$$' -fuzz=FuzzCount -fuzztime=60s ./connectors/textlen/
	go test -run='^$$' -fuzz=FuzzParseConfig -fuzztime=60s ./approval/tone/
	go test -run='^$$' -fuzz=FuzzDecodePost -fuzztime=60s ./ui/
	go test -run='^$$' -fuzz=FuzzSafeNext -fuzztime=60s ./ui/
	go test -run='^$$' -fuzz=FuzzRecurrence -fuzztime=60s .
	go test -run='^$$' -fuzz=FuzzValidate -fuzztime=60s ./events/
	go test -run='^$$' -fuzz=FuzzValidEmail -fuzztime=60s ./events/
	go test -run='^$$' -fuzz=FuzzSlugify -fuzztime=60s ./events/
	go test -run='^$$' -fuzz=FuzzProbe -fuzztime=60s ./video/
