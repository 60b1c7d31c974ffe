// Keeps one open issue per weekly report (used by links.yml and review.yml through
// actions/github-script). If the report file exists, the open issue with this
// title gets it as its body, or a new issue is opened. If there is no report
// (nothing to do), an open issue with this title is closed with a comment.
const fs = require("fs");

module.exports = async ({ github, context }, { title, reportFile }) => {
  const { owner, repo } = context.repo;
  const openIssues = await github.paginate(github.rest.issues.listForRepo, { owner, repo, state: "open" });
  const existing = openIssues.find((issue) => issue.title === title && !issue.pull_request);
  const runUrl = `${context.serverUrl}/${owner}/${repo}/actions/runs/${context.runId}`;

  if (!fs.existsSync(reportFile)) {
    if (existing) {
      await github.rest.issues.createComment({
        owner, repo, issue_number: existing.number, body: `Nothing to report any more (${runUrl}). Closing.`,
      });
      await github.rest.issues.update({ owner, repo, issue_number: existing.number, state: "closed" });
    }
    return;
  }

  const body = `${fs.readFileSync(reportFile, "utf8")}\n_Updated by ${runUrl}_\n`;
  if (existing) {
    await github.rest.issues.update({ owner, repo, issue_number: existing.number, body });
  } else {
    await github.rest.issues.create({ owner, repo, title, body });
  }
};
