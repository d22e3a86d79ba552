package records

// LatestEarlierSQL is the renewal look-up every policy write runs, for the plan test.
const LatestEarlierSQL = latestEarlierSQL
