// Options page (issue 6 fills in the settings form).
document.getElementById("app")!.textContent = "Bedside options";
