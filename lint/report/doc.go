// Package report writes lint results in the formats that CI systems and
// reviewers read: SARIF 2.1.0 for code scanning, GitHub Actions workflow
// commands for annotations on a pull request, JUnit XML for GitLab and
// Jenkins, and one self-contained HTML page for a human reviewer.
//
// Every writer takes the []lint.Result of one run and is deterministic:
// the same results give byte-identical output. Positions are 1-based
// lines and columns counted in Unicode code points, end columns
// exclusive, exactly as in lint's own reports.
//
// Paths are written with forward slashes. SARIF and GitHub want them
// relative to the repository root: set BaseDir in the options to the
// directory the paths should be relative to (usually the working
// directory of a CI job, which is the checkout). A path that cannot be
// made relative to BaseDir (another volume, or outside it) is written as
// given, or for SARIF as an absolute file URI.
package report
