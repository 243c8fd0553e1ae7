// Toolbar popup (issue 6 fills in the checklist).
document.getElementById("app")!.textContent = "Bedside";
