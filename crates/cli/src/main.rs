fn main() {
    println!("bedside: the CLI lands with the detection core");
}
