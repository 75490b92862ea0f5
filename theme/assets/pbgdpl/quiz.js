/* Self-scored quizzes of legal contests: scored in the browser, works offline, keeps nothing. */
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("[data-pb-quiz]"), function (form) {
    var key = form.parentNode.querySelector("[data-pb-quiz-key]");
    var score = form.querySelector("[data-pb-score]");
    var questions = form.querySelectorAll("[data-pb-answer]");

    form.hidden = false;
    if (key) {
      key.hidden = true;
    }

    function verdict(chosen, right) {
      if (!chosen) {
        return "Chưa trả lời.";
      }
      return right ? "Đúng." : "Chưa đúng: bạn chọn " + chosen.value + ".";
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var rightCount = 0;
      var unanswered = 0;
      Array.prototype.forEach.call(questions, function (question) {
        var chosen = question.querySelector("input:checked");
        var right = Boolean(chosen) && chosen.value === question.getAttribute("data-pb-answer");
        rightCount += right ? 1 : 0;
        unanswered += chosen ? 0 : 1;
        question.classList.toggle("pb-quiz__question--right", right);
        question.classList.toggle("pb-quiz__question--wrong", !right);
        question.querySelector("[data-pb-verdict]").textContent = verdict(chosen, right);
        question.querySelector("[data-pb-feedback]").hidden = false;
      });
      score.textContent = "Kết quả: đúng " + rightCount + "/" + questions.length + " câu" +
        (unanswered ? " (" + unanswered + " câu chưa trả lời)." : ".");
      score.focus();
    });

    form.addEventListener("reset", function () {
      Array.prototype.forEach.call(questions, function (question) {
        question.classList.remove("pb-quiz__question--right", "pb-quiz__question--wrong");
        question.querySelector("[data-pb-feedback]").hidden = true;
      });
      score.textContent = "";
    });
  });
})();
