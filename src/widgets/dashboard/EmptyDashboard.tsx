/** The dashboard before any answer: rendered on the server too, so the page does not jump when the island starts. */
export function EmptyDashboard() {
  return (
    <p class="dashboard dashboard--empty">
      As you answer quizzes, this shows how ready you are in each exam domain, what to study next, your mock exam scores
      and the questions due for review. Nothing leaves this browser. Start with a lesson's section quiz or the{' '}
      <a href="/mock-exam/">mock exam</a>.
    </p>
  );
}
