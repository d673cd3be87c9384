# syntax=docker/dockerfile:1
# Multi-stage build: a static, CGO-free relais binary on a distroless,
# non-root base image.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath \
    -ldflags "-s -w -X github.com/relais/relais.Version=${VERSION}" \
    -o /out/relais ./cmd/relais

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/relais /usr/local/bin/relais
USER nonroot:nonroot
ENV RELAIS_DATA=/data RELAIS_ADDR=:8080
VOLUME ["/data"]
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/relais"]
CMD ["serve"]
