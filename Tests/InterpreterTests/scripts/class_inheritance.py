# Single inheritance, method overriding, super() in __init__ and methods, isinstance/issubclass.
class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"
    def describe(self):
        return f"{type(self).__name__}({self.name})"
class Dog(Animal):
    sound = "woof"
    def __init__(self, name, tricks=()):
        super().__init__(name)
        self.tricks = list(tricks)
    def speak(self):
        return super().speak() + "!"
class Puppy(Dog):
    def speak(self):
        return super().speak().upper()
a, d, p = Animal("generic"), Dog("rex", ["sit"]), Puppy("bit")
for x in (a, d, p):
    print(x.speak(), "|", x.describe())
print(d.tricks, p.tricks)
print(isinstance(p, Animal), isinstance(a, Dog), issubclass(Puppy, Animal), issubclass(Animal, Dog))
print(issubclass(Dog, object), isinstance(3, object), Puppy.__bases__[0].__name__)
print([c.__name__ for c in Puppy.__mro__])
