package align

// The calibrated values below were fitted by TestCalibration
// (calibrate_test.go) on the labelled sentence pairs in testdata/pairs.tsv
// and the seeds; testdata/calibration.txt records the fit, the
// cross-validated precision and recall, and the searches behind each value.
// After changing features, stop words or the labelled pairs, regenerate the
// file and copy the printed values here:
//
//	go test ./align -run TestCalibration -update -v

// calibrated is the similarity model: a logistic regression over the
// features, in the order of featureNames. Feature selection left the plain
// Dice of stems and the weighted shared count out (weight 0).
var calibrated = model{
	bias:    -5.736,
	weights: [numFeatures]float64{0, 3.79, 1.528, 0.711, 4.857, -0.009, 6.396, 0, 1.028},
}

// DefaultThreshold is the similarity a comparable pair needs to align. The
// operating threshold keeps cross-validated precision at or above 0.90 with
// the most recall; the model's bias was moved so that it falls at one half.
const DefaultThreshold = 0.5

// calibratedCosts are the parallel alignment's costs, chosen by grid search
// on development cases built from the seeds.
var calibratedCosts = dpCosts{Skip: 2, Merge: 2}

// calibratedBoost weighs names and numbers in retrieval, chosen by the
// recall at 10 of related pairs.
var calibratedBoost = fieldBoost{names: 1, numbers: 4}
