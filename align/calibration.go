package align

// calibrated is the similarity model fitted by TestCalibration on the
// labelled sentence pairs in testdata/pairs.tsv; the fit, its
// cross-validated precision and recall and the chosen thresholds are in
// testdata/calibration.txt. Regenerate both with
//
//	go test ./align -run TestCalibration -update
var calibrated = model{
	bias:    -5.736,
	weights: [numFeatures]float64{0, 3.79, 1.528, 0.711, 4.857, -0.009, 6.396, 0, 1.028},
}

// DefaultThreshold is the similarity a comparable pair needs to align: the
// threshold that maximized F1 on the labelled pairs (testdata/calibration.txt).
const DefaultThreshold = 0.5

// calibratedCosts are the parallel alignment's costs, chosen by grid search
// on a development set (testdata/calibration.txt).
var calibratedCosts = dpCosts{Skip: 2, Merge: 2}

// calibratedBoost weighs names and numbers in retrieval, chosen by recall
// of related pairs (testdata/calibration.txt).
var calibratedBoost = fieldBoost{names: 1, numbers: 4}
