module uzkor

go 1.26.8

require (
	github.com/gocarina/gocsv v0.0.0-20240520201108-78e41c74b4b1
	golang.org/x/text v0.44.0
)
