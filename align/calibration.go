package align

// The similarity model, the comparable margin and the parallel costs are in
// simmodel.go, written by TestTrainSimilarity from the WMT cases (see
// train/README.md). The retrieval boosts below were chosen by
// TestCalibration (calibrate_test.go) on the seeds' labelled pairs;
// testdata/calibration.txt records that study:
//
//	go test ./align -run TestCalibration -update -v

// DefaultThreshold is the similarity a comparable pair needs to align. The
// threshold that gave the best link F1 on the dev cases was moved into the
// model's bias so that it falls at one half.
const DefaultThreshold = 0.5

// calibratedBoost weighs names and numbers in retrieval, chosen by the
// recall at 10 of related pairs.
var calibratedBoost = fieldBoost{names: 1, numbers: 4}
