console.log("fingerprinted asset");
