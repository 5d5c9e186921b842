// Atlaskit's components import their extracted CSS; the UI's unit tests render to a string in Node, where a stylesheet means nothing.
module.exports = {};
