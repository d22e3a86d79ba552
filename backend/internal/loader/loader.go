// Package loader stores many new records of one collection at once (a bulk upload's chunk, the
// seed) with every server rule a single save keeps, paying PocketBase's per-save machinery once a
// batch instead of once a row:
//
//   - Prepare validates the records on as many goroutines as there are cores. Each runs the
//     records' own validate hooks (app.ValidateWithContext: derivation, schema, rule packs,
//     server facts), so a record is judged by the very functions a single API save calls; only
//     PocketBase's relation look-ups (a COUNT(*) a relation) are left out for the ids the caller
//     read from the database itself in the same transaction (Known).
//
//   - Write runs each prepared record's create hooks in the writer's transaction (numbering,
//     propagation, every OnRecordCreate/OnRecordCreateExecute handler, in PocketBase's order),
//     but inserts the rows with one prepared statement (a row each, kept prepared) and appends their audit entries under one head
//     (audit.AppendExported); once the transaction commits, each record's after-create hooks
//     (the coverage fact index, the figures' cache) run as after a save.
//
//   - Load does both at once for records none of which reads what another writes (a bulk
//     chunk's wave): each is written as soon as its validation is done, while the next ones are
//     validated.
//
//   - Update stores the server's follow-up changes to stored records of a batch (the seed's
//     enterprises given a provider, its hazards after their histories): validated as Prepare
//     validates, then each through its update hooks with a plain UPDATE where a save writes.
//
// Prepare, Write, Load and Update take the writer's transaction (app.RunInTransaction's txApp).
package loader
